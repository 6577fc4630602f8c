export { defineErrors, type ErrorFactory, type ErrorSpec, errorRegistry, PlazaError } from './plaza-error.ts';
