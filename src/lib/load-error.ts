/**
 * Messages browsers and Vite use when a lazily loaded module (a hashed chunk) cannot be
 * fetched: Chromium, Firefox, Safari, and Vite's CSS/JS preload helper.
 */
const CHUNK_LOAD_PATTERNS = [
  /failed to fetch dynamically imported module/i,
  /error loading dynamically imported module/i,
  /importing a module script failed/i,
  /unable to preload css/i,
  /failed to load module script/i,
  /chunkloaderror/i,
  /loading (css )?chunk \S+ failed/i,
]

/**
 * True when an error says that a piece of the console's own code could not be loaded:
 * the network is down, or the console was redeployed and an old tab asks for a chunk
 * that no longer exists. Such a page can come back by loading again, unlike a bug.
 */
export function isChunkLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'ChunkLoadError') return true
  return CHUNK_LOAD_PATTERNS.some((pattern) => pattern.test(error.message))
}
