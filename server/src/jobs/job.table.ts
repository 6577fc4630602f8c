// biome-ignore lint/suspicious/noEmptyInterface: filled in as the jobs module lands
export interface JobTables {}
