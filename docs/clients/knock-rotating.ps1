#!/usr/bin/env pwsh
# Knocks the current sequence of a KnockAdmin rotating profile (PowerShell 7 or Windows PowerShell 5.1, .NET only).
# Usage: knock-rotating.ps1 HOST SECRET_BASE32 PERIOD LENGTH START END
# Each knock is one TCP SYN: the attempt is given up after 0.3 s, before the system would send it again (a repeat
# resets the sequence).
param(
    [Parameter(Mandatory = $true, Position = 0)][string]$TargetHost,
    [Parameter(Mandatory = $true, Position = 1)][string]$Secret,
    [Parameter(Mandatory = $true, Position = 2)][long]$Period,
    [Parameter(Mandatory = $true, Position = 3)][int]$Length,
    [Parameter(Mandatory = $true, Position = 4)][long]$Start,
    [Parameter(Mandatory = $true, Position = 5)][long]$End
)
$ErrorActionPreference = 'Stop'

function ConvertFrom-Base32([string]$Text) {
    $alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
    $bytes = New-Object System.Collections.Generic.List[byte]
    $buffer = 0
    $bits = 0
    foreach ($character in $Text.ToUpperInvariant().TrimEnd('=').ToCharArray()) {
        $value = $alphabet.IndexOf($character)
        if ($value -lt 0) { throw "The secret is not base32: '$character' is not one of $alphabet." }
        $buffer = (($buffer -shl 5) -bor $value) -band 0xFFFF
        $bits += 5
        if ($bits -ge 8) {
            $bits -= 8
            $bytes.Add([byte](($buffer -shr $bits) -band 0xFF))
        }
    }
    return , $bytes.ToArray()
}

function BigEndian([byte[]]$Bytes) {
    if ([BitConverter]::IsLittleEndian) { [Array]::Reverse($Bytes) }
    return , $Bytes
}

function Get-Sequence([byte[]]$Key, [long]$Now) {
    $t = ($Now - ($Now % $Period)) / $Period
    $size = $End - $Start + 1
    $limit = 4294967296 - (4294967296 % $size)
    $label = [System.Text.Encoding]::ASCII.GetBytes('KnockAdmin sequence v1')
    $hmac = New-Object System.Security.Cryptography.HMACSHA256 (, $Key)
    $ports = New-Object System.Collections.Generic.List[long]
    $n = 0
    while ($ports.Count -lt $Length) {
        $message = $label + (BigEndian ([BitConverter]::GetBytes([long]$t))) + (BigEndian ([BitConverter]::GetBytes([int]$n)))
        $block = $hmac.ComputeHash([byte[]]$message)
        for ($i = 0; $i -lt 32 -and $ports.Count -lt $Length; $i += 4) {
            $w = [long]$block[$i] * 16777216 + [long]$block[$i + 1] * 65536 + [long]$block[$i + 2] * 256 + [long]$block[$i + 3]
            $port = $Start + ($w % $size)
            if ($w -lt $limit -and -not $ports.Contains($port)) { $ports.Add($port) }
        }
        $n++
    }
    $hmac.Dispose()
    return , $ports.ToArray()
}

$key = ConvertFrom-Base32 $Secret
$now = [DateTimeOffset]::UtcNow.ToUnixTimeSeconds()
if ($env:KNOCK_ROTATING_NOW) { $now = [long]$env:KNOCK_ROTATING_NOW }
$sequence = Get-Sequence $key $now
if ($env:KNOCK_ROTATING_PRINT) {
    # Prints the ports instead of knocking: for checking the client against the test vectors.
    Write-Output ($sequence -join ' ')
    exit 0
}

foreach ($port in $sequence) {
    $client = New-Object System.Net.Sockets.TcpClient
    try { $null = $client.ConnectAsync($TargetHost, [int]$port).Wait(300) } catch { }
    finally { $client.Dispose() }
}
