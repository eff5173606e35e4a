/** The optimizer tests' name for the shared catcher of EinsumErrors. */
export { thrownBy as thrown } from "../fixtures/thrown-by.js";
