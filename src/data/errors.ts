// DatasetError: a validation failure that names the file, field and record at fault.

export class DatasetError extends Error {
  constructor(
    readonly field: string,
    readonly problem: string,
    readonly source = "dataset",
  ) {
    super(`${source}: ${field}: ${problem}`);
    this.name = "DatasetError";
  }
}
