/** `--data FILE`: reads and validates a data file (format in emulator/README.md). */
import { readFileSync } from 'node:fs';
import { DataFileError, stateFromData } from './data-file.js';
import type { State } from './types.js';

/** A fresh `State` from a JSON data file; throws a `DataFileError` naming the file and the field. */
export function loadState(file: string): State {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DataFileError(`Cannot read the data file ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new DataFileError(`The data file ${file} is not valid JSON: ${(err as Error).message}`);
  }
  try {
    return stateFromData(data);
  } catch (err) {
    if (err instanceof DataFileError) throw new DataFileError(`${file}: ${err.message}`);
    throw err;
  }
}
