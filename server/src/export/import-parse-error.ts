/** Text that is not the library's format: names the 1-based line and why, for a 400 the user can act on. */
export class ImportParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = 'ImportParseError';
  }
}
