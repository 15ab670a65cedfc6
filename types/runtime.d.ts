// What the runtimes see of node when node's test runner loads them: only `module.exports`.
declare var module: { exports: unknown } | undefined;
