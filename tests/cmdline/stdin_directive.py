# cmdline: -
# stdin: stdin_directive.input
# The `# stdin:` directive names the file fed to stdin; here it is a program.
