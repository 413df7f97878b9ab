// Every component imports Ink through this file. The build replaces its compiled form with Ink
// bundled into one file (scripts/bundle-ink.mjs), which starts the app ~190 ms sooner.
export * from 'ink';
