@echo off
rem The bagu command line on Windows. Builds demos\target\bagu.jar with the Maven Wrapper
rem when it is missing; after changing the sources run: mvnw.cmd -DskipTests package
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%demos\target\bagu.jar"
set "JAVA_CMD=java"
if defined JAVA_HOME set "JAVA_CMD=%JAVA_HOME%\bin\java"
if not exist "%JAR%" (
  echo bagu: building ^(the first time also downloads Maven and the libraries^)... 1>&2
  call "%HERE%mvnw.cmd" -q -B -ntp -DskipTests -f "%HERE%pom.xml" package 1>&2
  if errorlevel 1 exit /b 1
  if exist "%HERE%demos\target\bagu.jsa" del "%HERE%demos\target\bagu.jsa"
)
rem Start-up: a class-data-sharing archive made once by a small training run and reused by every
rem later command (see ./bagu); a stale one is skipped silently. Delete it after a rebuild.
set "JSA=%HERE%demos\target\bagu.jsa"
set "QUIET=-Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
if not exist "%JSA%" (
  "%JAVA_CMD%" %QUIET% -XX:ArchiveClassesAtExit="%JSA%" -Djava.awt.headless=true -jar "%JAR%" run softmax-scaling -p samples=1000 -p trials=100 --no-window --out "%TEMP%\bagu-cds-training" >nul 2>&1
)
"%JAVA_CMD%" %QUIET% -XX:SharedArchiveFile="%JSA%" -jar "%JAR%" %*
