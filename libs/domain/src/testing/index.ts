export * from './dossier-events';
