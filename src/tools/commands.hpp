// The subcommands of the `tusk` binary.
#pragma once

namespace tusk {

int ServeCommand(int argc, char** argv);
int ShellCommand(int argc, char** argv);

}  // namespace tusk
