/** Renderer entry: registers the app shell. */
import './components/lectern-app';
