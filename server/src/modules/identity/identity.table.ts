// biome-ignore lint/suspicious/noEmptyInterface: filled in as the identity module lands
export interface IdentityTables {}
