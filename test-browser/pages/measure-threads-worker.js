// The same measurement in a dedicated module worker: it posts its report (or its error) to the page.
import { measure } from "./measure-threads.js";

measure().then(
  (report) => postMessage(report),
  (error) => postMessage({ error: String(error?.stack ?? error) }),
);
