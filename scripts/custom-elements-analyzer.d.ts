/** The two parts of @custom-elements-manifest/analyzer (plain JS, no types) that the build uses. */
declare module '@custom-elements-manifest/analyzer' {
  import type * as TypeScript from 'typescript';
  export const ts: typeof TypeScript;
  export function create(options: {
    modules: TypeScript.SourceFile[];
    plugins?: unknown[];
  }): unknown;
}
declare module '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js' {
  export function litPlugin(): unknown[];
}
