import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeInstalledCoreBridge, findCoreBridgeBuildTools } from '../../src/temporal/core-bridge-build.js';

const require = createRequire(import.meta.url);
const bridgeDir = dirname(require.resolve('@temporalio/core-bridge/package.json'));

describe('the Temporal SDK core the worker loads', () => {
  it('has our patch applied to its sources: no walk over every cached workflow while nothing waits for a cache slot', async () => {
    const source = await readFile(join(bridgeDir, 'sdk-core/crates/sdk-core/src/worker/workflow/workflow_stream.rs'), 'utf8');
    const reconcile = source.slice(source.indexOf('fn reconcile_buffered'));
    const earlyReturn = reconcile.indexOf('if num_in_buff == 0 {');
    expect(earlyReturn).toBeGreaterThan(0);
    expect(earlyReturn).toBeLessThan(reconcile.indexOf('runs_lru_order()'));
  });

  it('is the patched build of that patch wherever Rust and protoc can build it (they can on CI), else the SDK\'s prebuilt core', async () => {
    const tools = await findCoreBridgeBuildTools();
    const installed = await describeInstalledCoreBridge();
    if (process.env.TEMPORAL_CORE_BRIDGE === 'prebuilt') {
      expect(installed.kind).toBe('prebuilt');
      return;
    }
    expect({ kind: installed.kind, buildTools: 'missing' in tools ? tools.missing : 'available' }).toEqual(
      'missing' in tools ? { kind: 'prebuilt', buildTools: tools.missing } : { kind: 'patched', buildTools: 'available' },
    );
  });

  it('is the file Node loads for this platform', async () => {
    const installed = await describeInstalledCoreBridge();
    const { getPrebuiltPath } = require('@temporalio/core-bridge/common') as { getPrebuiltPath(): string };
    if (installed.build) {
      const { hashFileSha256 } = await import('../../src/temporal/install-marker.js');
      expect(await hashFileSha256(getPrebuiltPath())).toBe(installed.build.binarySha256);
    } else {
      expect(installed.kind).toBe('prebuilt');
    }
  });
});
