import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { temporal } from '@temporalio/proto';
import { expect } from 'vitest';

/**
 * Case workflow histories recorded by earlier versions of the code, one folder per recording
 * (named by its date). Every later version must replay them: a case opened before a deploy keeps
 * running after it, so a change to workflow code that would break them needs `patched()`.
 * Stored as encoded protobuf (`.binpb`): the SDK's JSON helpers refuse histories from the client's
 * copy of protobufjs. `loadRecordedHistories` decodes them for reading.
 */
export const recordedHistoriesDirectory = fileURLToPath(new URL('./recorded-histories/', import.meta.url));

export interface RecordedHistory {
  workflowId: string;
  history: temporal.api.history.v1.IHistory;
}

/**
 * Saves the given histories under `recorded-histories/<label>/`, named by test file and workflow
 * id. Run through the harness: `RECORD_WORKFLOW_HISTORIES=<yyyy-mm-dd> npx vitest run <files>`.
 */
export async function saveRecordedHistories(label: string, histories: RecordedHistory[]): Promise<void> {
  const testFile = basename(expect.getState().testPath ?? 'unknown', '.test.ts');
  const directory = join(recordedHistoriesDirectory, label);
  await mkdir(directory, { recursive: true });
  for (const [index, { workflowId, history }] of histories.entries()) {
    const file = join(directory, `${testFile}--${workflowId}--${index}.binpb`);
    await writeFile(file, temporal.api.history.v1.History.encode(history).finish());
  }
}

/** Every recorded history, oldest recording first. */
export async function loadRecordedHistories(): Promise<Array<RecordedHistory & { file: string }>> {
  const labels = (await readdir(recordedHistoriesDirectory, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const loaded: Array<RecordedHistory & { file: string }> = [];
  for (const label of labels) {
    const files = (await readdir(join(recordedHistoriesDirectory, label))).filter((file) => file.endsWith('.binpb')).sort();
    for (const file of files) {
      const workflowId = file.split('--')[1] ?? file;
      const history = temporal.api.history.v1.History.decode(await readFile(join(recordedHistoriesDirectory, label, file)));
      loaded.push({ file: `${label}/${file}`, workflowId, history });
    }
  }
  return loaded;
}
