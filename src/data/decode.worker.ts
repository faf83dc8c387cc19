// Web Worker body: opens a dataset's bytes (parse, validate, decode, edge index: opened.ts) off the
// page's thread and transfers the typed arrays back.
import { serveWorker } from "../workers/serve";
import { answerDecode } from "./opened";

serveWorker(answerDecode);
