; Inno Setup 6 script: dist\PanduSOP-Setup-<version>.exe from the PyInstaller bundle
; dist\PanduSOP\. Step by step (Windows): installers\README.md. In short, from the repository:
;
;   python installers\build.py            (PyInstaller, self-test, then this script)
; or, with the bundle already built:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installers\windows\PanduSOP.iss
;
; The version is not written here. PyInstaller stamps PanduSOP.exe with the version in
; pyproject.toml and this script reads it back; build.py passes the same value as
; /DAppVersion=<version>.
;
; Office data lives in each user's data folder (%LOCALAPPDATA%\PanduSOP), never under {app};
; nothing below deletes it, so uninstalling or upgrading keeps it.

#define AppName "Pandu SOP"
#define AppExeName "PanduSOP.exe"
#define CliExeName "pandu.exe"
#define BundleDir AddBackslash(SourcePath) + "..\..\dist\PanduSOP"
#define IconInBundle "_internal\resources\icons\pandu-sop.ico"
#define FileProgId "PanduSOP.SopFile"

#if !FileExists(AddBackslash(BundleDir) + AppExeName)
  #error dist\PanduSOP\PanduSOP.exe belum ada: jalankan PyInstaller dulu (installers\README.md).
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(AddBackslash(BundleDir) + AppExeName, "ProductVersion")
#endif
#if AppVersion == ""
  #error Versi tidak terbaca dari PanduSOP.exe; berikan /DAppVersion=<versi dari pyproject.toml>.
#endif

; Indonesian is one of Inno Setup's unofficial translations: put Indonesian.isl next to this
; script, or in the compiler's Languages folder (installers\README.md, step 5).
#define IndonesianIsl AddBackslash(SourcePath) + "Indonesian.isl"
#if !FileExists(IndonesianIsl)
  #define IndonesianIsl AddBackslash(CompilerPath) + "Languages\Indonesian.isl"
#endif
#if !FileExists(IndonesianIsl)
  #error Indonesian.isl tidak ditemukan: lihat installers\README.md, langkah 5.
#endif

[Setup]
AppId={{4E4FDFC5-3761-4C1E-981E-4779878A2705}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Pandu SOP
AppComments=SOP, proses kerja terpandu dan naskah dinas untuk kantor pemerintahan
DefaultDirName={autopf}\Pandu SOP
DefaultGroupName=Pandu SOP
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=PanduSOP-Setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\pandu-sop.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
ChangesAssociations=yes
CloseApplications=yes

[Languages]
; Default.isl first: a message the translation lacks shows in English instead of failing.
Name: "id"; MessagesFile: "compiler:Default.isl,{#IndonesianIsl}"

[CustomMessages]
id.PanduShortcuts=Pintasan:
id.PanduDesktopIcon=Buat pintasan Pandu SOP di &desktop
id.PanduFiles=Berkas SOP:
id.PanduAssociate=Buka berkas .toml (berkas SOP *.pandu-sop.toml) dengan Pandu SOP
id.PanduFileType=Berkas SOP Pandu
id.PanduLaunch=Jalankan Pandu SOP sekarang
id.PanduComment=SOP, proses kerja dan naskah dinas kantor
id.PanduDataKept=Program Pandu SOP telah dihapus.%n%nData kantor (basis data, berkas dan cadangan) TIDAK dihapus dan tetap ada di folder data setiap pengguna, misalnya:%n%1%n%nBila Pandu SOP dipasang lagi, data itu langsung terpakai.

[Tasks]
Name: "desktopicon"; Description: "{cm:PanduDesktopIcon}"; GroupDescription: "{cm:PanduShortcuts}"
Name: "associate"; Description: "{cm:PanduAssociate}"; GroupDescription: "{cm:PanduFiles}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle, so no library of the old version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Pandu SOP"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:PanduComment}"
Name: "{autodesktop}\Pandu SOP"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:PanduComment}"; Tasks: desktopicon

[Registry]
; Windows matches files by their last extension only, so the SOP files (*.pandu-sop.toml) are
; reached through ".toml"; the task is off unless the office ticks it.
Root: HKA; Subkey: "Software\Classes\.toml\OpenWithProgids"; ValueType: string; ValueName: "{#FileProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.toml"; ValueType: string; ValueName: ""; ValueData: "{#FileProgId}"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#FileProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:PanduFileType}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#FileProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#IconInBundle}"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\{#FileProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".toml"; ValueData: ""; Tasks: associate

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:PanduLaunch}"; Flags: nowait postinstall skipifsilent runasoriginaluser

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Msg: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then begin
    Msg := CustomMessage('PanduDataKept');
    StringChangeEx(Msg, '%n', #13#10, True);
    MsgBox(FmtMessage(Msg, [ExpandConstant('{localappdata}\PanduSOP')]), mbInformation, MB_OK);
  end;
end;
