# shellcheck shell=bash
# Finds a JDK of version 25 or newer and exports JAVA_HOME (and puts it first on PATH).
# Sourced by bin/keliu and .ci/run; order of preference: JAVA_HOME, the java on PATH, /usr/lib/jvm/temurin-25*.

KELIU_MIN_JAVA=25

# The feature version (17, 25, …) of the java binary $1; empty when it does not run.
keliu_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p'
}

# The installation directory of the java found on PATH, through symlinks such as /etc/alternatives.
keliu_path_java_home() {
  local java
  java=$(command -v java 2>/dev/null) || return 0
  java=$(readlink -f "$java")
  dirname "$(dirname "$java")"
}

keliu_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" "$(keliu_path_java_home)" /usr/lib/jvm/temurin-25*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(keliu_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge "$KELIU_MIN_JAVA" ]; then
      export JAVA_HOME="$candidate"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  cat >&2 <<MESSAGE
Keliu needs a JDK $KELIU_MIN_JAVA or newer, and found none (looked at JAVA_HOME, the java on PATH
and /usr/lib/jvm/temurin-25*). Install one, for example:
  - Debian/Ubuntu: add the Adoptium apt repository (https://adoptium.net/installation/linux/),
    then: sudo apt-get install temurin-25-jdk
  - any Linux or macOS: SDKMAN (https://sdkman.io), then: sdk install java 25-tem
then point JAVA_HOME at it (export JAVA_HOME=/path/to/jdk-25) and try again.
MESSAGE
  return 1
}
