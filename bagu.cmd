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
)
"%JAVA_CMD%" -jar "%JAR%" %*
