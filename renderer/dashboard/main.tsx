// Dashboard page entry: the dashboard on the shared provider stack.
import { mountApp } from '../app/mount';
import { Dashboard } from './dashboard';
import './dashboard.css';

mountApp(<Dashboard />);
