import { chmod, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { commitInstall, prepareStagingDir, findVerifiedServer } from './install-marker.js';
import type { ProvisionedServer } from './temporal-manifest.js';
import { describeCommandFailure, runCommand } from './run-command.js';
import { probeTestServer } from './verify-server-executable.js';

/** The Java SDK's test server as a Maven artifact, run on the JDK. */
export interface MavenPin {
  groupId: string;
  artifactId: string;
  version: string;
  mainClass: string;
}

// maven-dependency-plugin 3.x: the 2.8 that Maven 3.8 picks by default lacks options used here.
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.6.1';

function resolveInstallDir(toolsDir: string, pin: MavenPin): string {
  return join(toolsDir, 'maven', `${pin.artifactId}-${pin.version}`);
}

/** Returns the test server installed earlier under `.tools/maven/` when complete and intact (else removes it). */
export async function findMavenInstall(toolsDir: string, pin: MavenPin): Promise<ProvisionedServer | undefined> {
  return await findVerifiedServer(resolveInstallDir(toolsDir, pin), pin.version, 'maven');
}

function renderPom(pin: MavenPin): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.case-engine</groupId>
  <artifactId>temporal-test-server-launcher</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>${pin.groupId}</groupId>
      <artifactId>${pin.artifactId}</artifactId>
      <version>${pin.version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

// Same command line as the native test server (`<port> [flags]`), which is how the SDK runs it.
// No `--enable-time-skipping`: the SDK unlocks time skipping itself while a test awaits a result;
// with the flag the server also skips while a worker is still picking up its first activity, and
// a start-to-close timeout fired in skipped time (seen: the retry smoke test timed out every run).
function renderLauncher(pin: MavenPin): string {
  return `#!/bin/sh
here=$(cd "$(dirname "$0")" && pwd)
java_bin=java
if [ -n "$JAVA_HOME" ]; then java_bin="$JAVA_HOME/bin/java"; fi
port="$1"
shift
exec "$java_bin" -cp "$here/lib/*" ${pin.mainClass} "$port" "$@"
`;
}

/**
 * Fetches the pinned test server and its dependencies from Maven Central into
 * `.tools/maven/<artifact>-<version>/lib` (Maven's repository under `.tools/maven/repository`,
 * so a CI cache of `.tools/` keeps it) and writes a launcher that takes `<port> [flags]` like the native server.
 */
export async function installTestServerFromMaven(toolsDir: string, pin: MavenPin): Promise<ProvisionedServer> {
  const startedAt = performance.now();
  const installDir = resolveInstallDir(toolsDir, pin);
  const stagingDir = await prepareStagingDir(installDir);
  await writeFile(join(stagingDir, 'pom.xml'), renderPom(pin));
  const args = [
    '-B', '-q', `-Dmaven.repo.local=${join(toolsDir, 'maven', 'repository')}`, `${DEPENDENCY_PLUGIN}:copy-dependencies`,
    '-DincludeScope=runtime', `-DoutputDirectory=${join(stagingDir, 'lib')}`,
  ];
  const result = await runCommand('mvn', args, { cwd: stagingDir, timeoutMs: 15 * 60_000 }).catch((error: Error) => {
    throw new Error(`\`mvn\` is not usable (${error.message}); install Maven and a JDK ≥ 11`);
  });
  if (result.code !== 0) throw new Error(describeCommandFailure('mvn', args, result));

  const executable = 'temporal-test-server';
  await writeFile(join(stagingDir, executable), renderLauncher(pin));
  await chmod(join(stagingDir, executable), 0o755);
  await probeTestServer(join(stagingDir, executable));
  const jars = (await readdir(join(stagingDir, 'lib'))).filter((name) => name.endsWith('.jar')).map((name) => join('lib', name));
  const installMs = Math.round(performance.now() - startedAt);
  const marker = await commitInstall(stagingDir, installDir, { version: pin.version, executable, installMs }, [
    executable,
    ...jars,
  ]);
  return {
    path: join(installDir, executable),
    version: pin.version,
    source: 'maven',
    installedNow: true,
    resolveMs: installMs,
    installMs,
    installedAt: marker.installedAt,
  };
}
