import { useEffect, type PropsWithChildren } from 'react';
import { startNotesSync } from './services/notes';
import './app.scss';

function App({ children }: PropsWithChildren) {
  // Notes typed without network go out when it returns, whichever page is open (OBS-7).
  useEffect(() => { startNotesSync(); }, []);
  // children is the page being shown
  return children;
}

export default App;
