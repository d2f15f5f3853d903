// Tandem's version, and the SDK ABI number that a plugin is built against.
#pragma once

#define TANDEM_VERSION_MAJOR 1
#define TANDEM_VERSION_MINOR 0
#define TANDEM_VERSION_PATCH 0
#define TANDEM_VERSION_STRING "1.0.0"

// The SDK's major version. Every type that crosses the plugin boundary (PluginInfo, Schema,
// Params, the views, Statement, ParamProblem) is frozen within one SDK major version; the
// loader refuses a plugin whose number differs, by name, before it touches anything else in it.
#define TANDEM_SDK_ABI 4
