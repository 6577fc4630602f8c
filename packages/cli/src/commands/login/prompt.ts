import { createInterface } from 'node:readline/promises';

/** Asks one question on the terminal; `hidden` answers (passwords) are not echoed. */
export async function ask(question: string, hidden = false): Promise<string> {
  const output = process.stderr;
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  if (hidden) {
    // readline echoes through _writeToOutput; after the question, print nothing of the answer.
    const writer = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    writer._writeToOutput = (text: string) => {
      if (!asked) output.write(text);
      asked = true;
    };
  }
  try {
    return (await rl.question(question)).trim();
  } finally {
    if (hidden) output.write('\n');
    rl.close();
  }
}
