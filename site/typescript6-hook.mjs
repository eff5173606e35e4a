// A module resolution hook for the API build: TypeDoc needs TypeScript's JavaScript compiler API, which the
// project's `typescript` (7, the native compiler) does not have, so TypeDoc's `typescript` is the `typescript6`
// alias that the project installs beside it.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "typescript" && context.parentURL?.includes("/node_modules/typedoc/")) {
    return nextResolve("typescript6", context);
  }
  return nextResolve(specifier, context);
}
