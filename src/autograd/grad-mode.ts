let recording = true;

/**
 * Runs `body` without recording operations for gradients: tensors computed inside do not require grad, as under
 * PyTorch's `torch.no_grad()`. Use it for parameter updates and for evaluation.
 *
 * @example
 * const w = randn([3], { seed: 1, requiresGrad: true });
 * const doubled = noGrad(() => mul(w, 2));
 * doubled.requiresGrad; //=> false
 */
export function noGrad<Result>(body: () => Result): Result {
  const before = recording;
  recording = false;
  try {
    return body();
  } finally {
    recording = before;
  }
}

/**
 * Whether operations are recorded for gradients right now (false inside {@link noGrad}).
 *
 * @example
 * isRecording(); //=> true
 */
export function isRecording(): boolean {
  return recording;
}
