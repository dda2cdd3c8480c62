// Types of nodeRuntime.mjs (plain JavaScript, so that any Node.js can load it and say it is too old).
export declare const REQUIRED_NODE_MAJOR: number;
export declare const PROJECT_NODE: string;
export declare function nodeMajor(version?: string): number;
export declare function describeRuntime(): string;
export declare function unsupportedNodeMessage(
  program: string,
  version?: string,
  execPath?: string,
): string | null;
export declare function requireProjectNode(program: string): void;
export declare function childEnvironment(extra?: Record<string, string>): NodeJS.ProcessEnv;
