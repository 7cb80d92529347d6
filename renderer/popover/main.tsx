// Popover page entry: the tray popover on the shared provider stack.
import { mountApp } from '../app/mount';
import { Popover } from './popover';
import './popover.css';

mountApp(<Popover />);
