/*
 * The recommendation module's test kit: a fixed sequence of uniforms for Thompson
 * sampling, so a ranked page is the same on every run.
 */
export function fixedRandom(seed = 7): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}
