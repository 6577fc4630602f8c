/**
 * The contract between data rights and every module that holds personal data. It sits
 * below both: a module implements it without importing data rights, and data rights
 * calls it without reading another module's tables.
 */
export type { PersonalDataContributor } from './personal-data-contributor.ts';
