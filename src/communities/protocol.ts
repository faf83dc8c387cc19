// Messages between the communities client and its worker.
import type { DetectRequest, DetectResult } from "./detect";

export interface WorkerRequest extends DetectRequest {
  id: number;
}

export type WorkerResponse =
  | ({ id: number; ok: true; ms: number } & DetectResult)
  | { id: number; ok: false; error: string };
