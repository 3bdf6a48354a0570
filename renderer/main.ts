/** Renderer entry: the bundled typefaces (served locally, nothing is fetched) and the app shell. */
import '@fontsource-variable/literata/opsz.css';
import '@fontsource-variable/literata/opsz-italic.css';
import '@fontsource-variable/inter/index.css';
import './components/lectern-app';
