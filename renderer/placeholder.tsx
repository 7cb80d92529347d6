// Placeholder page shared by the dashboard and the popover until their issues land.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './placeholder.css';

/** Props of the placeholder: which page it stands in for and the issue that will replace it. */
export interface PlaceholderProps {
  /** Page name, shown in the heading. */
  page: string;
  /** The issue that brings the real page. */
  comingWith: string;
}

/** A static "coming soon" page that also shows the version exposed by the preload. */
export function Placeholder({ page, comingWith }: PlaceholderProps) {
  const version = window.autoinfrasnap?.version;
  return (
    <main className="placeholder">
      <h1>
        AutoInfraSnap — {page} coming with the {comingWith}
      </h1>
      <p>{version ? `Version ${version}` : 'Preload bridge not available.'}</p>
    </main>
  );
}

/** Mounts the placeholder into #root. */
export function mountPlaceholder(props: PlaceholderProps): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('AutoInfraSnap: #root element missing');
  createRoot(container).render(
    <StrictMode>
      <Placeholder {...props} />
    </StrictMode>,
  );
}
