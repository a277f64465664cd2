import { spawn } from 'node:child_process';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunCommandOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

// Installers can print megabytes; only the tail is useful in an error message.
const OUTPUT_LIMIT_CHARS = 64_000;

/**
 * Runs a command to completion and collects its output. Never throws for a non-zero exit
 * (callers decide what a failure means); rejects only when the command cannot be spawned.
 */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions = {},
): Promise<CommandResult> {
  return await new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout = (stdout + chunk.toString()).slice(-OUTPUT_LIMIT_CHARS);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-OUTPUT_LIMIT_CHARS);
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            stderr += `\n[killed after ${options.timeoutMs} ms]`;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.once('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Describes a failed command for an error message: the command line and the last lines it printed. */
export function describeCommandFailure(command: string, args: readonly string[], result: CommandResult): string {
  const tail = `${result.stderr}\n${result.stdout}`.trim().split('\n').slice(-12).join('\n');
  return `\`${[command, ...args].join(' ')}\` exited with ${result.code}:\n${tail}`;
}
