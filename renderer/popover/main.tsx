// Popover page entry: a placeholder until the tray issue lands.
import { mountPlaceholder } from '../placeholder';

mountPlaceholder({ page: 'popover', comingWith: 'tray issue' });
