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
rem The training run only interprets (-Xint): see ./bagu (JDK-8306460).
set "JSA=%HERE%demos\target\bagu.jsa"
set "QUIET=-Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
if not exist "%JSA%" (
  "%JAVA_CMD%" %QUIET% -Xint -XX:ArchiveClassesAtExit="%JSA%" -Djava.awt.headless=true -jar "%JAR%" run softmax-scaling -p samples=1000 -p trials=100 --format png,svg --no-window --out "%TEMP%\bagu-cds-training" >nul 2>&1
)
rem The JIT, as ./bagu explains: commands that write their files and exit (run --out, gallery,
rem handout, list, describe) use the quick compiler (C1) only. BAGU_JIT=full keeps both
rem compilers for every command; BAGU_JIT=quick uses C1 for all.
set "JIT="
if /i "%BAGU_JIT%"=="quick" set "JIT=-XX:TieredStopAtLevel=1"
if not defined BAGU_JIT call :quick %*
if /i "%BAGU_JIT%"=="auto" call :quick %*
"%JAVA_CMD%" %QUIET% %JIT% -XX:SharedArchiveFile="%JSA%" -jar "%JAR%" %*
exit /b %errorlevel%

:quick
for %%C in (list describe handout gallery) do if /i "%~1"=="%%C" set "JIT=-XX:TieredStopAtLevel=1"
if /i not "%~1"=="run" exit /b 0
:quickarg
if "%~1"=="" exit /b 0
set "ARG=%~1"
if /i "%ARG%"=="--out" set "JIT=-XX:TieredStopAtLevel=1"
if /i "%ARG%"=="--no-window" set "JIT=-XX:TieredStopAtLevel=1"
if /i "%ARG:~0,6%"=="--out=" set "JIT=-XX:TieredStopAtLevel=1"
shift
goto quickarg
