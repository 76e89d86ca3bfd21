/** The package's entry point (`main`): the partner SDK. The gateway itself starts from `src/main.ts`. */
export * from './sdk';
