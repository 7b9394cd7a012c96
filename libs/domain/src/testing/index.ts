export * from './dossier-events';
export * from './group-figures';
export * from './small-province';
