// Typechecking against sibling packages' sources (the @salkit/source condition) pulls in
// @salkit/viz's codec, whose types for pngjs's browser bundle live in an ambient declaration
// that only viz's own tsconfig includes. Include it here too (the build reads viz's .d.ts files
// and does not need it).
/// <reference path="../../../packages/viz/src/codec/pngjs-browser.d.ts" />
