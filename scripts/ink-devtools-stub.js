// Stands in for react-devtools-core in the bundled Ink: Ink only loads it when DEV=true, but the
// bundler would otherwise turn its import into a top-level import of a package we do not ship.
export default { connectToDevTools() {} };
