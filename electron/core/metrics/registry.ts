import type { SectionName } from '../../../shared/snapshot/sections.js';
import type { Reader } from '../snapshot/reader.js';
import { reader as containers } from './containers/reader.js';
import { reader as cpu } from './cpu/reader.js';
import { reader as disks } from './disks/reader.js';
import { reader as host } from './host/reader.js';
import { reader as memory, swapReader as swap } from './memory/reader.js';
import { reader as network } from './network/reader.js';
import { reader as ports } from './ports/reader.js';
import { reader as processes } from './processes/reader.js';
import { reader as sensors } from './sensors/reader.js';
import { reader as services } from './services/reader.js';
import { reader as users } from './users/reader.js';

/** A reader whose window-start type is erased, so all of them fit in one list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyReader<K extends SectionName = SectionName> = Reader<K, any>;

/** Every section's reader: the one list a new metric is added to. */
export const READERS: { readonly [K in SectionName]: AnyReader<K> } = {
  host,
  cpu,
  memory,
  swap,
  disks,
  network,
  ports,
  processes,
  users,
  sensors,
  services,
  containers,
};
