// cognito-local loads aws-sdk v2, which prints an end-of-support notice on every start unless this is set
// before it is first required; import this module ahead of any cognito-local import.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE ??= "1";
// AWS SDK v3 warns on each process start that future releases need Node 22; this repo pins a version for Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

export {};
