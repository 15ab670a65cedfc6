// What the runtimes see of node when node's test runner loads them: only `module.exports`.
declare var module: { exports: unknown } | undefined;
// What the build puts in front of the quiz and diagnostic runtimes (cpch-shared.js), in the same block.
declare var cpchShared: typeof import("../cpch/sphinxext/static/cpch-shared.js") | undefined;
