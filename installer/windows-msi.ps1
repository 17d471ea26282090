<#
.SYNOPSIS
  Windows installer of DeID Workbench: an .msi made by jpackage and WiX from a trimmed runtime.

.DESCRIPTION
  Builds the jar with Maven (profile "installer": metadata and THIRD-PARTY.txt from desktop.xml),
  finds the Java modules with jdeps (+ installer\extra-modules.txt), makes the runtime with jlink,
  the app image with jpackage ("DeID Workbench.exe" for the desktop, "deid.exe" with a console for
  the command line), checks that the image runs without a JDK, optionally signs, and packages the
  MSI: Start menu entry, .deidprofile file association, and the install folder on the PATH so
  that "deid" works in any new console. Written for Windows 10/11 x64; not run on this project's
  Linux CI.

  Prerequisites: JDK 17 with jmods (JAVA_HOME set, e.g. Temurin 17 JDK), Maven 3.8+ on the PATH,
  WiX Toolset 3.x (candle.exe and light.exe on the PATH; jpackage 17 does not use WiX 4 or later).

.PARAMETER Scope
  Machine (default): per-machine install under "C:\Program Files\DeID Workbench", needs
  administrator rights, PATH set for all users. User: per-user install without administrator
  rights (jpackage --win-per-user-install), PATH set for the current user.

.PARAMETER CertificateThumbprint
  Sign the launchers and the MSI with signtool.exe (Windows SDK) and the certificate with this
  SHA-1 thumbprint from the certificate store.

.PARAMETER TimestampUrl
  RFC 3161 timestamp server for signtool (required with -CertificateThumbprint).

.PARAMETER SignScript
  Instead of signtool: a script called once per file to sign (path as its only argument), for
  HSM or cloud signing services.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File installer\windows-msi.ps1
  powershell -ExecutionPolicy Bypass -File installer\windows-msi.ps1 -Scope User
  powershell -ExecutionPolicy Bypass -File installer\windows-msi.ps1 -CertificateThumbprint 0123... -TimestampUrl http://timestamp.example
#>
[CmdletBinding()]
param(
  [ValidateSet('Machine', 'User')] [string] $Scope = 'Machine',
  [string] $CertificateThumbprint,
  [string] $TimestampUrl,
  [string] $SignScript
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$Root = Split-Path -Parent $PSScriptRoot
$Build = Join-Path $Root 'target\installer'
$InputDir = Join-Path $Build 'input'
$Runtime = Join-Path $Build 'runtime'
$ImageDest = Join-Path $Build 'image'
$Dist = Join-Path $Build 'dist'
$Resources = Join-Path $Build 'resources-windows'
$CliLauncher = 'deid'
# Fixed for every version: Windows Installer upgrades a product with the same upgrade code.
$UpgradeUuid = 'a36a5bd8-f09c-47c4-97d4-2a640cc165c4'
# Fixed component GUID of "install folder on the PATH" (one per scope, as the two differ).
$PathComponentGuid = @{ Machine = 'cb19edb6-c4cd-41b4-86be-f7551ef108a2'; User = '22deae1e-303b-4ff5-b3b7-029d328f45ef' }[$Scope]

function Log([string] $Message) { Write-Host "installer: $Message" }
function Invoke-Tool([string] $Exe, [string[]] $Arguments) {
  & $Exe @Arguments
  if ($LASTEXITCODE -ne 0) { throw "$Exe exited with $LASTEXITCODE" }
}

# --- prerequisites -----------------------------------------------------------------------------
if (-not $env:JAVA_HOME) { throw 'JAVA_HOME is not set: point it at a JDK 17 (with jmods)' }
$Jdk = $env:JAVA_HOME
foreach ($tool in 'jdeps', 'jlink', 'jpackage', 'jmod') {
  if (-not (Test-Path (Join-Path $Jdk "bin\$tool.exe"))) { throw "$Jdk\bin\$tool.exe not found: JDK 17 or later needed" }
}
if (-not (Test-Path (Join-Path $Jdk 'jmods\java.base.jmod'))) { throw "$Jdk\jmods not found: jlink needs the JDK's jmods" }
foreach ($tool in 'mvn', 'candle.exe', 'light.exe') {
  if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { throw "$tool not found on the PATH (Maven 3.8+, WiX Toolset 3.x)" }
}
if ($CertificateThumbprint -and -not $TimestampUrl) { throw '-CertificateThumbprint needs -TimestampUrl' }

function Sign-File([string] $File) {
  if ($SignScript) {
    & $SignScript $File
    if ($LASTEXITCODE -ne 0) { throw "$SignScript failed for $File" }
  } elseif ($CertificateThumbprint) {
    Invoke-Tool 'signtool.exe' @('sign', '/sha1', $CertificateThumbprint, '/fd', 'SHA256', '/tr', $TimestampUrl, '/td', 'SHA256', $File)
  }
}

# --- jar, metadata, THIRD-PARTY.txt (Maven) ----------------------------------------------------
Log 'building the jar with Maven (profile installer, no tests)'
Push-Location $Root
try { Invoke-Tool 'mvn' @('-B', '-q', '-f', 'desktop.xml', '-Pinstaller', '-DskipTests', 'package') } finally { Pop-Location }

$Meta = @{}
foreach ($line in Get-Content (Join-Path $Build 'metadata.properties') -Encoding UTF8) {
  if ($line -match '^\s*#' -or $line -notmatch '=') { continue }
  $key, $value = $line -split '=', 2
  $Meta[$key.Trim()] = $value
}
$FullVersion = $Meta['version']
$Version = ($FullVersion -split '-')[0]                 # 0.1.0-SNAPSHOT -> 0.1.0 (MSI: numbers only)
if ($Version -notmatch '^\d+(\.\d+){0,2}$') { throw "version '$FullVersion' does not start with 1-3 numbers" }
$Copyright = "Copyright $($Meta['inception-year']) $($Meta['vendor'])"
$AppName = $Meta['name']                                # DeID Workbench

Remove-Item -Recurse -Force $InputDir -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force (Join-Path $InputDir 'lib') | Out-Null
Copy-Item (Join-Path $Root "target\$($Meta['main-jar'])") $InputDir
Copy-Item (Join-Path $Root 'target\lib\*.jar') (Join-Path $InputDir 'lib')
Copy-Item (Join-Path $Root 'LICENSE'), (Join-Path $Build 'THIRD-PARTY.txt') $InputDir
$Listed = Select-String -Path (Join-Path $InputDir 'THIRD-PARTY.txt') -Pattern '^- [^:]*:([^:]*):(\S+)' |
  ForEach-Object { "$($_.Matches[0].Groups[1].Value)-$($_.Matches[0].Groups[2].Value).jar" }
foreach ($jar in Get-ChildItem (Join-Path $InputDir 'lib\*.jar')) {
  if ($Listed -notcontains $jar.Name) { throw "THIRD-PARTY.txt does not list $($jar.Name)" }
}

# --- trimmed runtime (jdeps + extra-modules.txt, jlink) ----------------------------------------
Log 'jdeps: finding the modules the jars use'
$jars = @((Join-Path $InputDir $Meta['main-jar'])) + @(Get-ChildItem (Join-Path $InputDir 'lib\*.jar') | ForEach-Object FullName)
$found = & (Join-Path $Jdk 'bin\jdeps.exe') --print-module-deps --ignore-missing-deps --multi-release 17 @jars
if ($LASTEXITCODE -ne 0 -or -not $found) { throw 'jdeps failed' }
$extra = Get-Content (Join-Path $PSScriptRoot 'extra-modules.txt') | ForEach-Object { ($_ -replace '#.*', '').Trim() } | Where-Object { $_ }
$Modules = (@(($found | Select-Object -Last 1) -split ',') + @($extra) | Sort-Object -Unique) -join ','
Log "modules: $Modules"
Remove-Item -Recurse -Force $Runtime -ErrorAction SilentlyContinue
Invoke-Tool (Join-Path $Jdk 'bin\jlink.exe') @('--add-modules', $Modules, '--output', $Runtime,
  '--strip-debug', '--no-man-pages', '--no-header-files', '--strip-native-commands', '--compress=0')

# --- app image ---------------------------------------------------------------------------------
$CliProperties = Join-Path $Build "$CliLauncher-launcher.properties"
# The throughput collector for commands, as the checkout's deid script (decision 0045).
Set-Content -Encoding ASCII $CliProperties "main-class=$($Meta['main-class'])`r`nwin-console=true`r`njava-options=-XX:+UseParallelGC -XX:FreqInlineSize=150 -XX:InlineSmallCode=1500"
$Association = Join-Path $Build 'profile-association.properties'
$IcoForProperties = (Join-Path $Root 'icons\deid-workbench.ico') -replace '\\', '/'
Set-Content -Encoding ASCII $Association @"
extension=deidprofile
mime-type=application/x-deid-profile+yaml
description=$AppName rule profile
icon=$IcoForProperties
"@
$Common = @('--name', $AppName, '--app-version', $Version, '--vendor', $Meta['vendor'],
  '--copyright', $Copyright, '--description', $Meta['description'],
  '--icon', (Join-Path $Root 'icons\deid-workbench.ico'))

Log "jpackage: app image"
Remove-Item -Recurse -Force (Join-Path $ImageDest $AppName) -ErrorAction SilentlyContinue
Invoke-Tool (Join-Path $Jdk 'bin\jpackage.exe') ($Common + @('--type', 'app-image',
  '--input', $InputDir, '--main-jar', $Meta['main-jar'], '--main-class', $Meta['main-class'],
  '--add-launcher', "$CliLauncher=$CliProperties", '--runtime-image', $Runtime, '--dest', $ImageDest))
$Image = Join-Path $ImageDest $AppName
$Deid = Join-Path $Image "$CliLauncher.exe"

# The image must run with no JDK and no Maven on the PATH.
$saved = @{ Path = $env:Path; JAVA_HOME = $env:JAVA_HOME; DEID_PASSPHRASE = $env:DEID_PASSPHRASE }
$check = Join-Path $Build 'image-check'
Remove-Item -Recurse -Force $check -ErrorAction SilentlyContinue
try {
  $env:Path = "$env:SystemRoot\System32"
  Remove-Item Env:JAVA_HOME
  $out = & $Deid --version
  if ($LASTEXITCODE -ne 0 -or ($out | Select-Object -First 1) -ne "deid-workbench $FullVersion") { throw "deid.exe --version: $out" }
  $env:DEID_PASSPHRASE = 'smoke-test-passphrase'
  & $Deid run (Join-Path $Root 'sample-data\csv') --out (Join-Path $check 'out') | Out-Null
  if ($LASTEXITCODE -ne 0) { throw "deid.exe run on sample-data\csv exited $LASTEXITCODE" }
  foreach ($entry in Get-Content (Join-Path $check 'out\deid-manifest.sha256')) {
    $hash, $name = $entry -split '\s+\*?', 2
    $actual = (Get-FileHash -Algorithm SHA256 (Join-Path $check "out\$name")).Hash
    if ($actual -ne $hash) { throw "manifest mismatch: $name" }
  }
} finally {
  $env:Path = $saved.Path; $env:JAVA_HOME = $saved.JAVA_HOME; $env:DEID_PASSPHRASE = $saved.DEID_PASSPHRASE
}
Log "app image: deid --version and deid run work without a JDK"

# Sign the launchers before they go into the MSI (the MSI itself is signed after).
Get-ChildItem $Image -Filter '*.exe' | ForEach-Object { Sign-File $_.FullName }

# --- MSI: jpackage's own main.wxs from this JDK, plus the install folder on the PATH -----------
Remove-Item -Recurse -Force $Resources, (Join-Path $Build 'jpackage-templates') -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $Resources | Out-Null
Invoke-Tool (Join-Path $Jdk 'bin\jmod.exe') @('extract', '--dir', (Join-Path $Build 'jpackage-templates'), (Join-Path $Jdk 'jmods\jdk.jpackage.jmod'))
$wxs = Get-Content -Raw (Join-Path $Build 'jpackage-templates\classes\jdk\jpackage\internal\resources\main.wxs')
$featureAnchor = '<ComponentGroupRef Id="FileAssociations"/>'
$productEnd = '</Product>'
if (-not $wxs.Contains($featureAnchor) -or -not $wxs.Contains($productEnd)) {
  throw "jpackage's main.wxs changed ('$featureAnchor' or '$productEnd' not found): update $PSCommandPath"
}
$system = if ($Scope -eq 'Machine') { 'yes' } else { 'no' }
$pathComponent = @"
    <DirectoryRef Id="INSTALLDIR">
      <Component Id="DeidCommandOnPath" Guid="{$PathComponentGuid}">
        <Environment Id="DeidInstallDirOnPath" Name="PATH" Value="[INSTALLDIR]" Action="set" Part="last" System="$system" Permanent="no"/>
        <RegistryValue Root="HKMU" Key="Software\[Manufacturer]\[ProductName]" Name="CommandOnPath" Type="integer" Value="1" KeyPath="yes"/>
      </Component>
    </DirectoryRef>
"@
$wxs = $wxs.Replace($featureAnchor, "$featureAnchor`r`n      <ComponentRef Id=`"DeidCommandOnPath`"/>")
$wxs = $wxs.Replace($productEnd, "$pathComponent  $productEnd")
Set-Content -Encoding UTF8 (Join-Path $Resources 'main.wxs') $wxs

New-Item -ItemType Directory -Force $Dist | Out-Null
Remove-Item (Join-Path $Dist "$AppName-*.msi") -ErrorAction SilentlyContinue
$msiOptions = @('--type', 'msi', '--app-image', $Image, '--license-file', (Join-Path $Root 'LICENSE'),
  '--file-associations', $Association, '--resource-dir', $Resources,
  '--win-menu', '--win-menu-group', $AppName, '--win-dir-chooser',
  '--win-upgrade-uuid', $UpgradeUuid, '--dest', $Dist)
if ($Scope -eq 'User') { $msiOptions += '--win-per-user-install' }
Log "jpackage: .msi ($Scope)"
Invoke-Tool (Join-Path $Jdk 'bin\jpackage.exe') ($Common + $msiOptions)
$suffix = if ($Scope -eq 'User') { '-user' } else { '' }
$msi = Join-Path $Dist "deid-workbench-$FullVersion-windows-x64$suffix.msi"
Move-Item -Force (Get-ChildItem (Join-Path $Dist "$AppName-*.msi")).FullName $msi
Sign-File $msi
Log ".msi: $([math]::Round((Get-Item $msi).Length / 1MB)) MB $msi"
