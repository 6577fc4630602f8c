import { decode, type SourceMapMappings } from '@jridgewell/sourcemap-codec';

/** Each script's decoded source map by its file: a rebuild meets the same unchanged maps again. */
const decodedMaps = new Map<string, { map: string; decoded: SourceMapMappings }>();

/**
 * The `mappings` of a script's source map (esbuild's JSON), decoded once while the map stays
 * the same.
 *
 * @example
 * decodedMap('pages/a/a.js', script.map)[0] // the segments of the body's first line
 */
export function decodedMap(file: string, map: string): SourceMapMappings {
  const known = decodedMaps.get(file);
  if (known?.map === map) return known.decoded;
  const decoded = decode((JSON.parse(map) as { mappings: string }).mappings);
  decodedMaps.set(file, { map, decoded });
  return decoded;
}
