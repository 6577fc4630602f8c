/** Where a command writes and from which directory it runs, so tests can run commands in-process. */
export interface CommandIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Settles when a long-running command (`plaza dev`) should stop; by default Ctrl+C or SIGTERM. */
  stopped?: Promise<void>;
}

export const processIo: CommandIo = {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};
