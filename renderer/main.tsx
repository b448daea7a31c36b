import { StrictMode, useEffect, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import { HashRouter } from 'react-router';
import './i18n';
import { getAccess, onAccessChange } from './api/client';
import { App } from './App';
import { NoTokenPage } from './shell/NoTokenPage';
import { ViewBoundary } from './shell/ViewBoundary';
import { useToastStore } from './stores/useToastStore';
import './styles.css';
import './shell/views.css';

function Root() {
  const access = useSyncExternalStore(onAccessChange, getAccess);
  useEffect(() => {
    if (access === 'needsToken') useToastStore.setState({ toasts: [] });
  }, [access]);
  return access === 'granted' ? (
    <HashRouter>
      <ViewBoundary>
        <App />
      </ViewBoundary>
    </HashRouter>
  ) : (
    <NoTokenPage checking={access === 'checking'} />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
