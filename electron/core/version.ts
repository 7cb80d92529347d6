declare const __AIS_VERSION__: string | undefined;

/** The tool's version: injected by the build; `0.0.0-dev` when running from source (tests). */
export const VERSION: string = typeof __AIS_VERSION__ === 'string' ? __AIS_VERSION__ : '0.0.0-dev';
