// Dashboard page entry: a placeholder until the live monitoring issue lands.
import { mountPlaceholder } from '../placeholder';

mountPlaceholder({ page: 'dashboard', comingWith: 'live monitoring issue' });
